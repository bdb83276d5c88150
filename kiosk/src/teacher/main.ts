/** Entry of /teacher/: registers the page's elements (index.html renders <asg-teacher-app>). */
import './asg-teacher-app.js'
import './asg-class-day.js'
import './asg-school-overview.js'
