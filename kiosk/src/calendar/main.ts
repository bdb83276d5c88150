/** Entry of /calendar/: registers the page's elements (index.html renders <asg-calendar-app>). */
import '../register/asg-staff-gate.js'
import './asg-calendar-app.js'
import './asg-calendar-month.js'
import './asg-calendar-forms.js'
