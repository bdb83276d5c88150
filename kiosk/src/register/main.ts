/** Entry of /register/: registers the page's elements (index.html renders <asg-register-app>). */
import './asg-staff-gate.js'
import './asg-register-app.js'
import './asg-register-grid.js'
import './asg-mark-history.js'
import './asg-suspension-calculator.js'
