import './asg-board-app.js'
